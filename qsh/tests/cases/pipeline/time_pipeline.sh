{ time echo x | cat; } 2>/dev/null
