//! [`SparsityTracer`]: a number that carries, instead of derivatives, the inputs it depends on.
//!
//! `Float` requires `Copy`, so a tracer cannot own a set. It holds `Copy` handles into a
//! thread-local arena that a [`Trace`] (the tracing drivers' guard) creates and clears:
//!
//! - first order: a DAG whose leaves are the inputs and whose inner nodes are unions. A binary
//!   operation on two tracers that both depend on inputs adds one node (8 bytes); every other
//!   operation reuses a handle. The set of an output is read off by one depth-first walk, so a
//!   long sum costs O(n) memory and time, not the O(n²) of sets stored at every node.
//! - second order (Hessian patterns): a second DAG whose inner nodes are unions and whose
//!   leaves are products `A × B` of two first-order sets, recorded where an operation is
//!   nonlinear in its arguments: `x·y` makes the sets of `x` and `y` interact, `sin x` the set of
//!   `x` with itself, `x + y` nothing.
//!
//! A handle means something only inside the trace that made it. A non-constant tracer used
//! outside it (kept from an earlier trace, sent to another thread, created with no trace
//! running) stands for "every input": the pattern stays a superset, never a wrong subset.
#![forbid(unsafe_code)]

use crate::Real;
use alloc::vec;
use alloc::vec::Vec;
use core::cell::RefCell;
use core::cmp::Ordering;
use core::fmt;
use core::iter::{Product, Sum};
use core::num::FpCategory;
use core::ops::{
    Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Rem, RemAssign, Sub, SubAssign,
};
use core::sync::atomic::{self, AtomicU32};
use num_traits::{Float, FloatConst, FromPrimitive, Num, NumCast, One, ToPrimitive, Zero};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// The handle of the empty set: a constant.
const EMPTY: u32 = u32::MAX;
/// The handle of the set of every input (first order) or every pair (second order).
const ALL: u32 = u32::MAX - 1;

/// A number that tracks which inputs it depends on, for sparsity detection.
///
/// Evaluate a function written generically over [`Float`] (or [`Real`]) on tracers once, and
/// each output knows the set of inputs it depends on: the sparsity pattern of the Jacobian (see
/// [`jacobian_sparsity`](crate::jacobian_sparsity)). With second-order tracing
/// ([`hessian_sparsity`](crate::hessian_sparsity)) it also records which pairs of inputs
/// interact through a nonlinear operation: the pattern of the Hessian.
///
/// A tracer also carries its value, computed with the plain `f64` operations, so comparisons,
/// `if` and `max` see the numbers the `f64` evaluation sees, and branches are followed at the
/// point of the trace. **The pattern is therefore local to that point**: if a branch goes the
/// other way elsewhere, the pattern there may differ; trace again (or at a point that takes every
/// branch that adds dependencies). `max`, `min`, `clamp` and `abs_sub` are not branches here: they
/// depend on both arguments, so their pattern holds on either side of the switch.
///
/// What counts as a dependency follows the derivative rules of the number types (the crate's
/// [conventions](crate#conventions)):
/// `floor`, `ceil`, `round`, `trunc`, `signum` and `div_euclid` have derivative 0 and so depend
/// on nothing; `copysign(x, s)` depends on `x` only; `abs`, `fract`, `%` and `rem_euclid` are
/// linear pieces (no second-order interaction). A dependency that cancels numerically (`x − x`)
/// stays in the pattern: the pattern is structural, a superset of the nonzeros.
///
/// Tracers exist to be created by the tracing drivers. A tracer made outside a trace (by
/// [`SparsityTracer::constant`], `Float::zero()`, `From<f64>`) is a constant; a dependent tracer
/// used outside the trace that made it counts as depending on every input.
///
/// ```
/// use dualdiff::{jacobian_sparsity, Sparsity, SparsityTracer};
/// use num_traits::Float;
///
/// fn f<T: Float>(x: &[T]) -> Vec<T> {
///     vec![x[0] * x[1], x[2].sin(), x[0].floor() + x[2]]
/// }
///
/// let pattern = jacobian_sparsity(f::<SparsityTracer>, &[1.0, 2.0, 3.0]);
/// // floor has derivative 0: output 2 depends on x₂ only
/// let expected = Sparsity::from_entries(3, 3, [(0, 0), (0, 1), (1, 2), (2, 2)]);
/// assert_eq!(pattern, expected);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct SparsityTracer {
    /// The value, as plain `f64` arithmetic computes it.
    value: f64,
    /// The trace the handles belong to (0: none).
    session: u32,
    /// The first-order set.
    grad: u32,
    /// The second-order set (pairs), `EMPTY` unless the trace is second order.
    hess: u32,
}

impl SparsityTracer {
    /// Creates a constant: a value that depends on no input.
    ///
    /// ```
    /// use dualdiff::SparsityTracer;
    ///
    /// let c = SparsityTracer::constant(2.5);
    /// assert_eq!(c.value(), 2.5);
    /// assert!(c.is_constant());
    /// ```
    #[inline]
    #[must_use]
    pub const fn constant(value: f64) -> Self {
        Self {
            value,
            session: 0,
            grad: EMPTY,
            hess: EMPTY,
        }
    }

    /// Returns the value, the number that the plain `f64` evaluation computes.
    ///
    /// ```
    /// use dualdiff::SparsityTracer;
    /// use num_traits::Float;
    ///
    /// let x = SparsityTracer::constant(4.0);
    /// assert_eq!(x.sqrt().value(), 2.0);
    /// ```
    #[inline]
    #[must_use]
    pub const fn value(&self) -> f64 {
        self.value
    }

    /// Returns `true` if the number depends on no input.
    ///
    /// ```
    /// use dualdiff::{jacobian_sparsity, SparsityTracer};
    ///
    /// let mut seen = Vec::new();
    /// let _ = jacobian_sparsity(
    ///     |x: &[SparsityTracer]| {
    ///         seen.push(x[0].is_constant());
    ///         seen.push((x[0] * 0.0).is_constant()); // structural: still depends on x₀
    ///         seen.push(SparsityTracer::constant(1.0).is_constant());
    ///         vec![x[0]]
    ///     },
    ///     &[1.0],
    /// );
    /// assert_eq!(seen, [false, false, true]);
    /// ```
    #[inline]
    #[must_use]
    pub const fn is_constant(&self) -> bool {
        self.grad == EMPTY && self.hess == EMPTY
    }

    /// An input of the trace `session`: its set is the leaf `index`.
    fn input(value: f64, session: u32, index: usize) -> Self {
        let grad = u32::try_from(index)
            .ok()
            .filter(|&i| i < ALL)
            .unwrap_or(ALL);
        Self {
            value,
            session,
            grad,
            hess: EMPTY,
        }
    }

    /// A tracer that depends on everything, for when the arena cannot be reached.
    const fn everything(value: f64) -> Self {
        Self {
            value,
            session: 0,
            grad: ALL,
            hess: ALL,
        }
    }

    /// The result of a one-argument operation: linear ones keep the sets, nonlinear ones make
    /// the set interact with itself.
    #[inline]
    fn unary(self, value: f64, kind: Unary) -> Self {
        match kind {
            Unary::Constant => Self::constant(value),
            _ if self.is_constant() => Self::constant(value),
            Unary::Linear => Self { value, ..self },
            Unary::Nonlinear => with_arena(value, |arena| {
                if !arena.second_order {
                    return Self { value, ..self };
                }
                let (g, h) = arena.resolve(self);
                let p = arena.hess_product(g, g);
                let h = arena.hess_union(h, p);
                arena.tracer(value, g, h)
            }),
        }
    }

    /// The result of a two-argument operation of the given kind.
    #[inline]
    fn binary(self, other: Self, value: f64, kind: Binary) -> Self {
        match (self.is_constant(), other.is_constant()) {
            (true, true) => return Self::constant(value),
            // x ± c, x·c, x/c: the sets of x, unchanged
            (false, true) if kind != Binary::Nonlinear => return Self { value, ..self },
            // c ± y, c·y: the sets of y
            (true, false) if matches!(kind, Binary::Linear | Binary::Product) => {
                return Self { value, ..other };
            }
            _ => {}
        }
        with_arena(value, |arena| {
            let (ga, ha) = arena.resolve(self);
            let (gb, hb) = arena.resolve(other);
            let g = arena.grad_union(ga, gb);
            if !arena.second_order {
                return arena.tracer(value, g, EMPTY);
            }
            let h = arena.hess_union(ha, hb);
            let h = match kind {
                Binary::Linear => h,
                // ∂²(xy) = x'y'ᵀ + y'x'ᵀ: no x'x'ᵀ term
                Binary::Product => {
                    let p = arena.hess_product(ga, gb);
                    arena.hess_union(h, p)
                }
                // ∂²(x/y) has x'y'ᵀ and y'y'ᵀ terms, no x'x'ᵀ
                Binary::Quotient => {
                    let p = arena.hess_product(ga, gb);
                    let q = arena.hess_product(gb, gb);
                    let pq = arena.hess_union(p, q);
                    arena.hess_union(h, pq)
                }
                Binary::Nonlinear => {
                    let p = arena.hess_product(g, g);
                    arena.hess_union(h, p)
                }
            };
            arena.tracer(value, g, h)
        })
    }
}

/// How a one-argument operation propagates dependencies.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unary {
    /// Derivative 0 everywhere (`floor`): depends on nothing.
    Constant,
    /// Derivative constant on each piece (`−x`, `abs`): same sets, no interaction.
    Linear,
    /// Second derivative nonzero (`sin`): the set interacts with itself.
    Nonlinear,
}

/// How a two-argument operation propagates dependencies.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Binary {
    /// `x ± y`, `max`, `%`: the union, no interaction.
    Linear,
    /// `x·y`: the union; `x` interacts with `y`.
    Product,
    /// `x/y`: the union; `x` interacts with `y`, `y` with itself.
    Quotient,
    /// `atan2`, `hypot`, `powf`: the union interacts with itself.
    Nonlinear,
}

impl Default for SparsityTracer {
    /// Returns the constant 0.
    #[inline]
    fn default() -> Self {
        Self::constant(0.0)
    }
}

/// A node of the second-order DAG.
#[derive(Clone, Copy)]
enum HessNode {
    /// The union of two second-order sets.
    Union(u32, u32),
    /// The symmetric product `A × B ∪ B × A` of two first-order sets.
    Product(u32, u32),
}

/// The sets of one trace.
struct Arena {
    /// The running trace (0: none).
    session: u32,
    /// Whether second-order sets are recorded.
    second_order: bool,
    /// The number of inputs: first-order handles below it are inputs.
    inputs: u32,
    /// First-order handle `inputs + k` is the union of the two handles `unions[k]`.
    unions: Vec<[u32; 2]>,
    /// Second-order handle `k` is `hess[k]`.
    hess: Vec<HessNode>,
}

impl Arena {
    const fn idle() -> Self {
        Self {
            session: 0,
            second_order: false,
            inputs: 0,
            unions: Vec::new(),
            hess: Vec::new(),
        }
    }

    /// The handles of `t` in this trace: its own if it belongs here, "everything" otherwise.
    #[inline]
    fn resolve(&self, t: SparsityTracer) -> (u32, u32) {
        if t.is_constant() {
            (EMPTY, EMPTY)
        } else if self.session != 0 && t.session == self.session {
            (t.grad, t.hess)
        } else {
            (ALL, if self.second_order { ALL } else { EMPTY })
        }
    }

    #[inline]
    fn tracer(&self, value: f64, grad: u32, hess: u32) -> SparsityTracer {
        SparsityTracer {
            value,
            session: self.session,
            grad,
            hess,
        }
    }

    fn grad_union(&mut self, a: u32, b: u32) -> u32 {
        if a == EMPTY || a == b {
            return b;
        }
        if b == EMPTY {
            return a;
        }
        if a == ALL || b == ALL || self.session == 0 {
            return ALL;
        }
        let id = self.inputs as usize + self.unions.len();
        match u32::try_from(id) {
            Ok(id) if id < ALL => {
                self.unions.push([a, b]);
                id
            }
            _ => ALL,
        }
    }

    fn push_hess(&mut self, node: HessNode) -> u32 {
        if self.session == 0 {
            return ALL;
        }
        match u32::try_from(self.hess.len()) {
            Ok(id) if id < ALL => {
                self.hess.push(node);
                id
            }
            _ => ALL,
        }
    }

    fn hess_union(&mut self, a: u32, b: u32) -> u32 {
        if a == EMPTY || a == b {
            return b;
        }
        if b == EMPTY {
            return a;
        }
        if a == ALL || b == ALL {
            return ALL;
        }
        self.push_hess(HessNode::Union(a, b))
    }

    /// The second-order set `A × B ∪ B × A` for first-order handles `a`, `b`.
    fn hess_product(&mut self, a: u32, b: u32) -> u32 {
        if a == EMPTY || b == EMPTY {
            return EMPTY;
        }
        if a == ALL || b == ALL {
            return ALL;
        }
        self.push_hess(HessNode::Product(a.min(b), a.max(b)))
    }

    /// Appends the inputs in the first-order set `g` to `out` (unsorted, each once), using
    /// `stamp`/`mark` to visit each node once. Returns `false` if the set is every input.
    fn collect_grad(
        &self,
        g: u32,
        stamp: &mut [usize],
        mark: usize,
        stack: &mut Vec<u32>,
        out: &mut Vec<usize>,
    ) -> bool {
        if g == EMPTY {
            return true;
        }
        stack.clear();
        stack.push(g);
        while let Some(k) = stack.pop() {
            let Some(seen) = stamp.get_mut(k as usize) else {
                return false; // ALL, or a handle from elsewhere
            };
            if *seen == mark {
                continue;
            }
            *seen = mark;
            if k < self.inputs {
                out.push(k as usize);
            } else if let Some(&[a, b]) = self.unions.get((k - self.inputs) as usize) {
                stack.push(a);
                stack.push(b);
            }
        }
        true
    }

    /// The total number of first-order nodes.
    fn grad_nodes(&self) -> usize {
        self.inputs as usize + self.unions.len()
    }
}

std::thread_local! {
    static ARENA: RefCell<Arena> = const { RefCell::new(Arena::idle()) };
}

/// Trace ids, unique across threads (0 means none).
static NEXT_SESSION: AtomicU32 = AtomicU32::new(1);

/// Runs `op` on this thread's arena; if it cannot be reached (the thread is shutting down),
/// returns a tracer that depends on everything. Never panics.
#[inline]
fn with_arena(value: f64, op: impl FnOnce(&mut Arena) -> SparsityTracer) -> SparsityTracer {
    ARENA
        .try_with(|cell| match cell.try_borrow_mut() {
            Ok(mut arena) => op(&mut arena),
            Err(_) => SparsityTracer::everything(value),
        })
        .unwrap_or(SparsityTracer::everything(value))
}

/// A running trace: while it lives, this thread's arena records the sets of its tracers. Dropping
/// it restores the arena as it was (so traces nest, and a panic inside `f` leaves nothing
/// behind).
pub(super) struct Trace {
    /// The arena this trace replaced; `None` if it could not be installed (then every tracer
    /// of the trace resolves to "every input", and dropping it restores nothing).
    previous: Option<Arena>,
    session: u32,
}

impl Trace {
    /// Starts a trace with `inputs` inputs; records second-order sets if `second_order`.
    pub(super) fn begin(inputs: usize, second_order: bool) -> Self {
        let mut session = NEXT_SESSION.fetch_add(1, atomic::Ordering::Relaxed);
        if session == 0 {
            session = NEXT_SESSION.fetch_add(1, atomic::Ordering::Relaxed);
        }
        let fresh = Arena {
            session,
            second_order,
            inputs: u32::try_from(inputs).unwrap_or(ALL).min(ALL),
            unions: Vec::new(),
            hess: Vec::new(),
        };
        let previous = ARENA
            .try_with(|cell| {
                cell.try_borrow_mut()
                    .ok()
                    .map(|mut arena| core::mem::replace(&mut *arena, fresh))
            })
            .ok()
            .flatten();
        Self { previous, session }
    }

    /// The input tracers for the point `x`.
    pub(super) fn inputs<T: Real>(&self, x: &[T]) -> Vec<SparsityTracer> {
        x.iter()
            .enumerate()
            .map(|(j, xj)| SparsityTracer::input(xj.to_f64().unwrap_or(f64::NAN), self.session, j))
            .collect()
    }

    /// Runs `read` on the arena of this trace, or returns `None` if it cannot be reached.
    fn read<R>(&self, read: impl FnOnce(&Arena) -> R) -> Option<R> {
        ARENA
            .try_with(|cell| {
                let arena = cell.try_borrow().ok()?;
                (arena.session == self.session).then(|| read(&arena))
            })
            .ok()
            .flatten()
    }

    /// The sorted sets of inputs (out of `n`) that the outputs depend on, as compressed rows:
    /// `(offsets, columns)`, row `i` owning `columns[offsets[i]..offsets[i + 1]]`.
    pub(super) fn grad_rows(
        &self,
        outputs: &[SparsityTracer],
        n: usize,
    ) -> (Vec<usize>, Vec<usize>) {
        let mut offsets = Vec::with_capacity(outputs.len() + 1);
        let mut columns = Vec::new();
        offsets.push(0);
        let read = self.read(|arena| {
            let mut stamp = vec![0; arena.grad_nodes()];
            let mut stack = Vec::new();
            for (i, &y) in outputs.iter().enumerate() {
                let (g, _) = arena.resolve(y);
                let start = columns.len();
                if arena.collect_grad(g, &mut stamp, i + 1, &mut stack, &mut columns) {
                    columns[start..].sort_unstable();
                } else {
                    columns.truncate(start);
                    columns.extend(0..n);
                }
                offsets.push(columns.len());
            }
        });
        if read.is_none() {
            offsets.truncate(1);
            columns.clear();
            for y in outputs {
                if !y.is_constant() {
                    columns.extend(0..n);
                }
                offsets.push(columns.len());
            }
        }
        (offsets, columns)
    }

    /// The sorted columns of each row of the (symmetric) second-order set of `y`, over `n`
    /// inputs.
    pub(super) fn hess_rows(&self, y: SparsityTracer, n: usize) -> Vec<Vec<usize>> {
        let everything = || vec![(0..n).collect::<Vec<_>>(); n];
        self.read(|arena| {
            let (_, h) = arena.resolve(y);
            let mut rows = vec![Vec::new(); n];
            if h == EMPTY {
                return rows;
            }
            let mut visited = vec![false; arena.hess.len()];
            let mut stamp = vec![0; arena.grad_nodes()];
            let mut mark = 0;
            let mut stack = Vec::new();
            let mut sets: HashMap<u32, Vec<usize>> = HashMap::new();
            let mut pending = vec![h];
            while let Some(k) = pending.pop() {
                let Some(seen) = visited.get_mut(k as usize) else {
                    return everything();
                };
                if *seen {
                    continue;
                }
                *seen = true;
                let (a, b) = match arena.hess[k as usize] {
                    HessNode::Union(a, b) => {
                        pending.push(a);
                        pending.push(b);
                        continue;
                    }
                    HessNode::Product(a, b) => (a, b),
                };
                for g in [a, b] {
                    if let Entry::Vacant(slot) = sets.entry(g) {
                        mark += 1;
                        let mut set = Vec::new();
                        if !arena.collect_grad(g, &mut stamp, mark, &mut stack, &mut set) {
                            return everything();
                        }
                        slot.insert(set);
                    }
                }
                let (sa, sb) = (&sets[&a], &sets[&b]);
                for &i in sa {
                    for &j in sb {
                        rows[i].push(j);
                        rows[j].push(i);
                    }
                }
            }
            for row in &mut rows {
                row.sort_unstable();
                row.dedup();
            }
            rows
        })
        .unwrap_or_else(|| {
            if y.is_constant() {
                vec![Vec::new(); n]
            } else {
                everything()
            }
        })
    }
}

impl Drop for Trace {
    fn drop(&mut self) {
        let Some(previous) = self.previous.take() else {
            return;
        };
        // If the thread-local is gone (thread exit) there is nothing left to restore.
        let _ = ARENA.try_with(|cell| {
            if let Ok(mut arena) = cell.try_borrow_mut() {
                *arena = previous;
            }
        });
    }
}

// ----- operators -----

/// Generates an operator for tracer ⊕ tracer, tracer ⊕ f64 and f64 ⊕ tracer (owned and
/// borrowed), and the `op=` forms, from the `f64` operator and the kind of each side.
macro_rules! impl_op {
    ($Op:ident, $op:ident, $OpAssign:ident, $op_assign:ident, $kind:expr, $kind_scalar_lhs:expr) => {
        impl $Op for SparsityTracer {
            type Output = Self;
            #[inline]
            fn $op(self, rhs: Self) -> Self {
                self.binary(rhs, $Op::$op(self.value, rhs.value), $kind)
            }
        }
        impl $Op<f64> for SparsityTracer {
            type Output = Self;
            #[inline]
            fn $op(self, rhs: f64) -> Self {
                self.binary(Self::constant(rhs), $Op::$op(self.value, rhs), $kind)
            }
        }
        impl $Op<SparsityTracer> for f64 {
            type Output = SparsityTracer;
            #[inline]
            fn $op(self, rhs: SparsityTracer) -> SparsityTracer {
                SparsityTracer::constant(self).binary(
                    rhs,
                    $Op::$op(self, rhs.value),
                    $kind_scalar_lhs,
                )
            }
        }
        impl<'a> $Op<&'a SparsityTracer> for SparsityTracer {
            type Output = Self;
            #[inline]
            fn $op(self, rhs: &'a SparsityTracer) -> Self {
                $Op::$op(self, *rhs)
            }
        }
        impl<'a> $Op<SparsityTracer> for &'a SparsityTracer {
            type Output = SparsityTracer;
            #[inline]
            fn $op(self, rhs: SparsityTracer) -> SparsityTracer {
                $Op::$op(*self, rhs)
            }
        }
        impl<'a, 'b> $Op<&'b SparsityTracer> for &'a SparsityTracer {
            type Output = SparsityTracer;
            #[inline]
            fn $op(self, rhs: &'b SparsityTracer) -> SparsityTracer {
                $Op::$op(*self, *rhs)
            }
        }
        impl<'a> $Op<f64> for &'a SparsityTracer {
            type Output = SparsityTracer;
            #[inline]
            fn $op(self, rhs: f64) -> SparsityTracer {
                $Op::$op(*self, rhs)
            }
        }
        impl<'a> $Op<&'a SparsityTracer> for f64 {
            type Output = SparsityTracer;
            #[inline]
            fn $op(self, rhs: &'a SparsityTracer) -> SparsityTracer {
                $Op::$op(self, *rhs)
            }
        }
        impl $OpAssign for SparsityTracer {
            #[inline]
            fn $op_assign(&mut self, rhs: Self) {
                *self = $Op::$op(*self, rhs);
            }
        }
        impl<'a> $OpAssign<&'a SparsityTracer> for SparsityTracer {
            #[inline]
            fn $op_assign(&mut self, rhs: &'a SparsityTracer) {
                *self = $Op::$op(*self, *rhs);
            }
        }
        impl $OpAssign<f64> for SparsityTracer {
            #[inline]
            fn $op_assign(&mut self, rhs: f64) {
                *self = $Op::$op(*self, rhs);
            }
        }
    };
}

impl_op!(
    Add,
    add,
    AddAssign,
    add_assign,
    Binary::Linear,
    Binary::Linear
);
impl_op!(
    Sub,
    sub,
    SubAssign,
    sub_assign,
    Binary::Linear,
    Binary::Linear
);
impl_op!(
    Mul,
    mul,
    MulAssign,
    mul_assign,
    Binary::Product,
    Binary::Product
);
impl_op!(
    Div,
    div,
    DivAssign,
    div_assign,
    Binary::Quotient,
    Binary::Quotient
);
// x % y = x − y·trunc(x/y): derivatives 1 and −trunc(x/y), constant on each piece.
impl_op!(
    Rem,
    rem,
    RemAssign,
    rem_assign,
    Binary::Linear,
    Binary::Linear
);

impl Neg for SparsityTracer {
    type Output = Self;
    #[inline]
    fn neg(self) -> Self {
        self.unary(-self.value, Unary::Linear)
    }
}

impl Neg for &SparsityTracer {
    type Output = SparsityTracer;
    #[inline]
    fn neg(self) -> SparsityTracer {
        -*self
    }
}

impl Sum for SparsityTracer {
    /// Sums from `−0.0`, as `f64`'s `Sum` does, so the value matches bit for bit.
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::constant(-0.0), |a, b| a + b)
    }
}

impl<'a> Sum<&'a SparsityTracer> for SparsityTracer {
    /// Sums from `−0.0`, as `f64`'s `Sum` does.
    fn sum<I: Iterator<Item = &'a SparsityTracer>>(iter: I) -> Self {
        iter.fold(Self::constant(-0.0), |a, b| a + *b)
    }
}

impl Product for SparsityTracer {
    fn product<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::constant(1.0), |a, b| a * b)
    }
}

impl<'a> Product<&'a SparsityTracer> for SparsityTracer {
    fn product<I: Iterator<Item = &'a SparsityTracer>>(iter: I) -> Self {
        iter.fold(Self::constant(1.0), |a, b| a * *b)
    }
}

// ----- comparisons, conversions, formatting -----

impl PartialEq for SparsityTracer {
    /// Compares the values only.
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl PartialOrd for SparsityTracer {
    /// Orders by the values only, consistently with `==`.
    #[inline]
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        self.value.partial_cmp(&other.value)
    }
}

impl From<f64> for SparsityTracer {
    /// Lifts a value as a constant.
    #[inline]
    fn from(x: f64) -> Self {
        Self::constant(x)
    }
}

impl From<f32> for SparsityTracer {
    /// Lifts a value as a constant.
    #[inline]
    fn from(x: f32) -> Self {
        Self::constant(<f64 as From<f32>>::from(x))
    }
}

impl fmt::Display for SparsityTracer {
    /// Writes the value (formatting options apply to it).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.value, f)
    }
}

impl Zero for SparsityTracer {
    #[inline]
    fn zero() -> Self {
        Self::constant(0.0)
    }

    /// Returns `true` if the value is zero (dependencies ignored, as `==` ignores them).
    #[inline]
    fn is_zero(&self) -> bool {
        self.value == 0.0
    }
}

impl One for SparsityTracer {
    #[inline]
    fn one() -> Self {
        Self::constant(1.0)
    }
}

impl Num for SparsityTracer {
    type FromStrRadixErr = <f64 as Num>::FromStrRadixErr;

    /// Parses a constant.
    fn from_str_radix(s: &str, radix: u32) -> Result<Self, Self::FromStrRadixErr> {
        <f64 as Num>::from_str_radix(s, radix).map(Self::constant)
    }
}

impl ToPrimitive for SparsityTracer {
    /// Converts the value.
    #[inline]
    fn to_i64(&self) -> Option<i64> {
        self.value.to_i64()
    }

    /// Converts the value.
    #[inline]
    fn to_u64(&self) -> Option<u64> {
        self.value.to_u64()
    }

    /// Converts the value.
    #[inline]
    fn to_f64(&self) -> Option<f64> {
        Some(self.value)
    }
}

impl NumCast for SparsityTracer {
    /// Converts a number into a constant.
    #[inline]
    fn from<P: ToPrimitive>(n: P) -> Option<Self> {
        n.to_f64().map(Self::constant)
    }
}

impl FromPrimitive for SparsityTracer {
    #[inline]
    fn from_i64(n: i64) -> Option<Self> {
        f64::from_i64(n).map(Self::constant)
    }

    #[inline]
    fn from_u64(n: u64) -> Option<Self> {
        f64::from_u64(n).map(Self::constant)
    }

    #[inline]
    fn from_f64(n: f64) -> Option<Self> {
        Some(Self::constant(n))
    }
}

/// Defines `FloatConst` methods: constants.
macro_rules! float_consts {
    ($($name:ident),*) => {
        $(
            #[inline]
            fn $name() -> Self {
                Self::constant(f64::$name())
            }
        )*
    };
}

impl FloatConst for SparsityTracer {
    float_consts!(
        E,
        FRAC_1_PI,
        FRAC_1_SQRT_2,
        FRAC_2_PI,
        FRAC_2_SQRT_PI,
        FRAC_PI_2,
        FRAC_PI_3,
        FRAC_PI_4,
        FRAC_PI_6,
        FRAC_PI_8,
        LN_10,
        LN_2,
        LOG10_E,
        LOG2_E,
        PI,
        SQRT_2,
        TAU,
        LOG10_2,
        LOG2_10
    );
}

/// Defines `Float` methods of one argument: the `f64` value and the given kind.
macro_rules! unary_methods {
    ($kind:expr => $($name:ident),* $(,)?) => {
        $(
            #[inline]
            fn $name(self) -> Self {
                self.unary(Float::$name(self.value), $kind)
            }
        )*
    };
}

/// Defines `Float` methods that look at the value only.
macro_rules! value_methods {
    ($($name:ident -> $ret:ty),* $(,)?) => {
        $(
            #[inline]
            fn $name(self) -> $ret {
                Float::$name(self.value)
            }
        )*
    };
}

/// Defines constant-valued `Float` methods.
macro_rules! constant_methods {
    ($($name:ident),* $(,)?) => {
        $(
            #[inline]
            fn $name() -> Self {
                Self::constant(<f64 as Float>::$name())
            }
        )*
    };
}

impl Float for SparsityTracer {
    constant_methods!(
        nan,
        infinity,
        neg_infinity,
        neg_zero,
        min_value,
        min_positive_value,
        epsilon,
        max_value
    );

    value_methods!(
        is_nan -> bool,
        is_infinite -> bool,
        is_finite -> bool,
        is_normal -> bool,
        is_subnormal -> bool,
        classify -> FpCategory,
        is_sign_positive -> bool,
        is_sign_negative -> bool,
        integer_decode -> (u64, i16, i8),
    );

    // Derivative 0: no dependency.
    unary_methods!(Unary::Constant => floor, ceil, round, trunc, signum);

    // Derivative constant on each piece: the sets pass through, no interaction.
    unary_methods!(Unary::Linear => fract, abs, to_degrees, to_radians);

    unary_methods!(Unary::Nonlinear =>
        recip, sqrt, cbrt, exp, exp2, exp_m1, ln, ln_1p, log2, log10, sin, cos, tan, asin,
        acos, atan, sinh, cosh, tanh, asinh, acosh, atanh,
    );

    #[inline]
    fn mul_add(self, a: Self, b: Self) -> Self {
        let value = self.value.mul_add(a.value, b.value);
        (self * a + b).with_value(value)
    }

    #[inline]
    fn powi(self, n: i32) -> Self {
        let kind = match n {
            0 => Unary::Constant,
            1 => Unary::Linear,
            _ => Unary::Nonlinear,
        };
        self.unary(self.value.powi(n), kind)
    }

    /// With a constant exponent `p`, the power rule: `x⁰` is constant and `x¹` linear (as the
    /// dual types' derivatives are); otherwise nonlinear in both arguments.
    #[inline]
    fn powf(self, p: Self) -> Self {
        let value = self.value.powf(p.value);
        if p.is_constant() {
            let kind = if p.value == 0.0 {
                Unary::Constant
            } else if p.value == 1.0 {
                Unary::Linear
            } else {
                Unary::Nonlinear
            };
            self.unary(value, kind)
        } else {
            self.binary(p, value, Binary::Nonlinear)
        }
    }

    #[inline]
    fn log(self, base: Self) -> Self {
        self.binary(base, self.value.log(base.value), Binary::Nonlinear)
    }

    #[inline]
    fn hypot(self, other: Self) -> Self {
        self.binary(other, self.value.hypot(other.value), Binary::Nonlinear)
    }

    #[inline]
    fn atan2(self, other: Self) -> Self {
        self.binary(other, self.value.atan2(other.value), Binary::Nonlinear)
    }

    #[inline]
    fn sin_cos(self) -> (Self, Self) {
        let (s, c) = self.value.sin_cos();
        (
            self.unary(s, Unary::Nonlinear),
            self.unary(c, Unary::Nonlinear),
        )
    }

    /// Depends on both arguments whichever is larger here, so the pattern holds on either side.
    #[inline]
    fn max(self, other: Self) -> Self {
        self.binary(other, self.value.max(other.value), Binary::Linear)
    }

    /// Depends on both arguments whichever is smaller here, so the pattern holds on either side.
    #[inline]
    fn min(self, other: Self) -> Self {
        self.binary(other, self.value.min(other.value), Binary::Linear)
    }

    /// Depends on all three arguments. Never panics: where `f64::clamp` would (`min > max`, a
    /// NaN bound) the value follows its two steps `max(x, min)`, then `min(·, max)`.
    #[inline]
    fn clamp(self, min: Self, max: Self) -> Self {
        let mut value = self.value;
        if value < min.value {
            value = min.value;
        }
        if value > max.value {
            value = max.value;
        }
        self.binary(min, value, Binary::Linear)
            .binary(max, value, Binary::Linear)
    }

    /// `max(x − y, 0)`: depends on both arguments, as `max` does.
    #[inline]
    fn abs_sub(self, other: Self) -> Self {
        let d = self.value - other.value;
        let value = if d > 0.0 {
            d
        } else if d.is_nan() {
            f64::NAN
        } else {
            0.0
        };
        self.binary(other, value, Binary::Linear)
    }

    /// Depends on `self` only: the derivative in `sign` is 0.
    #[inline]
    fn copysign(self, sign: Self) -> Self {
        self.unary(self.value.copysign(sign.value), Unary::Linear)
    }
}

impl SparsityTracer {
    #[inline]
    const fn with_value(self, value: f64) -> Self {
        Self { value, ..self }
    }
}

impl crate::real::Sealed for SparsityTracer {}

impl Real for SparsityTracer {
    type Primitive = f64;

    #[inline]
    fn from_primitive(x: f64) -> Self {
        Self::constant(x)
    }

    /// Returns `true` for a constant zero.
    #[inline]
    fn is_zero_in_all_parts(&self) -> bool {
        self.value == 0.0 && self.is_constant()
    }

    #[inline]
    fn scale_part(self, part: Self) -> Self {
        self * part
    }

    #[inline]
    fn scale_part_finite(self, part: Self) -> Self {
        self * part
    }

    #[inline]
    fn scale_by(self, c: f64) -> Self {
        self * c
    }

    #[inline]
    fn erf(self) -> Self {
        self.unary(Real::erf(self.value), Unary::Nonlinear)
    }

    #[inline]
    fn erfc(self) -> Self {
        self.unary(Real::erfc(self.value), Unary::Nonlinear)
    }

    #[inline]
    fn gamma(self) -> Self {
        self.unary(Real::gamma(self.value), Unary::Nonlinear)
    }

    #[inline]
    fn ln_gamma(self) -> Self {
        self.unary(Real::ln_gamma(self.value), Unary::Nonlinear)
    }

    #[inline]
    fn polygamma(self, n: u32) -> Self {
        self.unary(Real::polygamma(self.value, n), Unary::Nonlinear)
    }
}
