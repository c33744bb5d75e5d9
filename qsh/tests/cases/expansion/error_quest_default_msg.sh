echo ${nosuch?}
