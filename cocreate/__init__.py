"""cocreate: a desktop tool for service-design co-creation salons."""

__version__ = "0.1.0"
