alias x="echo x "
x x x x
