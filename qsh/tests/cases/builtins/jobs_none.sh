jobs
echo "jobs status $?"
