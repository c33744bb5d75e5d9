echo "[$PS2] [$PS3] [$PS4]"
