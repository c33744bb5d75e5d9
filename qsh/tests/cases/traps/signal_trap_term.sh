trap 'echo caught term' TERM
kill -TERM $$
echo continuing
