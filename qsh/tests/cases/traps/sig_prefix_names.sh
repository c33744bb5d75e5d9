trap 'echo h' SIGHUP
trap 'echo n' 15
trap
