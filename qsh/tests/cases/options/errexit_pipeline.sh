set -e
false | true
echo after pipeline
true | false
echo never
