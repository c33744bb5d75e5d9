cd "$TMPDIR"
exec 3>priv
sh -c 'echo x >&3' 2>/dev/null && echo inherited || echo not inherited
# mksh and POSIX disagree: POSIX passes descriptors opened by exec to programs; mksh keeps fds > 2 private (mksh is followed)
# (the status of the failing "sh" is that system's /bin/sh's, so only success is checked)
