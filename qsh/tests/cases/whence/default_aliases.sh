alias local integer type
