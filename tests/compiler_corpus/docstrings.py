'''module docstring'''
def f():
    '''function docstring'''
    return 1
class C:
    '''class docstring'''
    x = 1
1
'a'
None
...
3.5
(1, 2)
