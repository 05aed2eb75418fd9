-- The discount code an order used (Shopify `Discount Code`, WooCommerce `Coupon(s)` / `Coupon
-- Code`, Etsy and Wix `Coupon code`, a hand-made file's `Code promo`), as the file writes it,
-- trimmed; several codes on one order are joined by ', '. NULL: no code given (an order can carry
-- a discount amount without a code, as a boutique's soldes do). Read by the cohorts by first
-- discount code (metrics/first_cohorts.py).
alter table orders add column discount_code varchar;
