p() { echo "p: $0"; }
function k { echo "k: $0"; }
p; k
echo "main: $0"
