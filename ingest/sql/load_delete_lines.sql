-- Lines of updated orders are replaced by the file's lines.
delete from order_lines
where order_id in (select existing_id from order_changes where change = 'updated')
