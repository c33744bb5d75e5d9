# Benchmark 2 (issue 5): a 1,000-iteration arithmetic loop, all in the shell
# (no process is created).
i=0
sum=0
while (( i < 1000 )); do
	(( sum += i * i % 7 ))
	i=$((i + 1))
done
echo $sum
