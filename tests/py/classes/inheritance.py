# Single inheritance: method override, super().__init__, inherited attributes, isinstance/issubclass.
class Animal:
    sound = '...'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + ' says ' + self.sound
    def kind(self):
        return 'animal'
class Dog(Animal):
    sound = 'woof'
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def kind(self):
        return 'dog/' + super().kind()
class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + '!'
d = Dog('rex', 'lab')
p = Puppy('bit', 'pug')
print(d.speak(), d.kind(), d.breed, p.speak(), p.kind())
print(isinstance(p, Dog), isinstance(p, Animal), isinstance(d, Puppy), issubclass(Puppy, Animal), issubclass(Animal, Dog))
print(issubclass(Dog, Dog), issubclass(Dog, object), issubclass(Dog, (int, Animal)), isinstance(d, (str, Dog)))
print(Puppy.__bases__ == (Dog,), Dog.__bases__[0].__name__)
print(Animal('cat').speak(), Puppy.sound, Animal.sound)
class NoInit(Dog):
    pass
n = NoInit('n', 'mutt')
print(n.name, n.breed, n.speak())
