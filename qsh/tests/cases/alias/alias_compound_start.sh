alias begin='{ echo in-group;'
begin }
