# Benchmark 3 (issue 5): a pipeline of three programs. Each element is a
# simple external command, so qsh spawns all three directly with
# posix_spawn (no child shell). Adjust the program names to the utilities
# the QSOE image provides (they must read stdin and write stdout).
echo "benchmark data for the three-program pipeline" | cat | cat >/dev/null
