# __name__ of the main script and the `if __name__ == '__main__'` idiom.
print(__name__)
def main():
    print('running main')
    return 0
if __name__ == '__main__':
    main()
else:
    print('imported')
print(type(__name__).__name__)
