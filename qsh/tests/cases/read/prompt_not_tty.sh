echo val | { read 'name?Prompt: '; echo "[$name]"; }
