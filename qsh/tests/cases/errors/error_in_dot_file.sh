cd "$TMPDIR"
printf 'echo in dot\necho ${u?dot-err}\n' > d.sh
. ./d.sh
echo not reached
# mksh and POSIX disagree: POSIX says an expansion error exits a non-interactive shell; mksh only ends the dot script (mksh is followed)
