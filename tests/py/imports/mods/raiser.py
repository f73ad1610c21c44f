# Helper: raises during import.
print('raiser running')
raise ValueError('raised while importing')
