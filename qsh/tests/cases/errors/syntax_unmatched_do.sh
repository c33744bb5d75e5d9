while true; do
  echo x
