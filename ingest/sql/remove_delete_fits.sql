-- Customer-value fits were made on data that is gone.
delete from clv_fits
