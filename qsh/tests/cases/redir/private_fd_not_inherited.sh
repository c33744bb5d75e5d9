cd "$TMPDIR"
exec 3>priv
sh -c 'echo x >&3' 2>/dev/null
echo status $?
# mksh and POSIX disagree: POSIX passes descriptors opened by exec to programs; mksh keeps fds > 2 private (mksh is followed)
