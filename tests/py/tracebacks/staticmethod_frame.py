# Uncaught exception in static and class methods: frames are the method names.
class Util:
    @staticmethod
    def parse(s):
        return int(s)
    @classmethod
    def build(cls, s):
        return cls.parse(s)
print(Util.build('7'))
Util.build('seven')
