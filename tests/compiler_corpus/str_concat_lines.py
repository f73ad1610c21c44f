x = ('abc'
     'def'
     'ghi')
y = f('one'
      'two')
