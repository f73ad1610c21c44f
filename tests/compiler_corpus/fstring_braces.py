x = f'a{{b}}'
