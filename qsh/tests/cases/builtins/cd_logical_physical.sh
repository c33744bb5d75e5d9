cd "$TMPDIR"
mkdir -p real/sub
ln -s real link
cd link/sub
pwd | sed "s|$TMPDIR|T|"
cd ..
pwd | sed "s|$TMPDIR|T|"
cd -P "$TMPDIR/link"
pwd -P | sed "s|$TMPDIR|T|"
