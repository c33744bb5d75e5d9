echo $((++5))
