echo "${_+x}" >/dev/null; echo fine
