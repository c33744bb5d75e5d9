cd "$TMPDIR"
touch Apple apple
echo [aA]pple a*
