//! Macros shared by the trait-plumbing modules.
#![forbid(unsafe_code)]

/// Forwards trait methods that take `self` by value to the inherent methods of the same name.
macro_rules! forward {
    ($($name:ident($($arg:ident: $argty:ty),*) -> $ret:ty;)*) => {
        $(
            #[inline]
            fn $name(self, $($arg: $argty),*) -> $ret {
                Self::$name(self, $($arg),*)
            }
        )*
    };
}

/// Defines constant-valued trait methods: the value from `T`, every derivative part zero.
macro_rules! constants {
    ($($name:ident),*) => {
        $(
            #[inline]
            fn $name() -> Self {
                Self::constant(T::$name())
            }
        )*
    };
}
