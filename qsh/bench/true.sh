# Benchmark 1 (issue 5): qsh starting and running "true".
# Run as: qsh bench/true.sh   (measures start-up, parsing and one builtin)
true
