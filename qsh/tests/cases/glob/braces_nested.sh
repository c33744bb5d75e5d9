echo x{a,b{1,2},c}y
