[[ -e /nonexistent && $(echo x >&2) ]] || echo lazy
