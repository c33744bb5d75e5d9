((echo inner) )
( (echo nested) )
