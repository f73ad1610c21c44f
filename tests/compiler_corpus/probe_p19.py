class A:
    def __init__(self):
        super().__init__()
        self.x = [super().f for _ in range(2)]
