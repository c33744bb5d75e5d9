cat <<< "a
b"
