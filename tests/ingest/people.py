"""What the tests compare of a database's customers."""


def customers_as_people(con) -> list[tuple]:
    """Every customer as the person it is (ids depend on the import order): what we know of them
    and which orders are theirs. Names ignore case: the spelling seen first is kept ('BOURGEOIS'
    on the till ticket, 'Bourgeois' in the customer file)."""
    return sorted(con.execute(
        "select c.email, c.phone, lower(c.first_name), lower(c.last_name), c.postal_code, "
        "c.email_consent, "
        "list(o.source_order_id order by o.source_order_id) filter (where o.order_id is not null) "
        "from customers as c left join orders as o using (customer_id) "
        "group by all").fetchall(), key=repr)
