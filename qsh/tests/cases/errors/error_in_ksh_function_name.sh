function kf { echo ${u?kf-err}; }
kf
