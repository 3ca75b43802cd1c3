//! The one error type of the crate.

/// Why a formula could not produce a value.
///
/// Every fallible function of this crate returns `Result<_, MathError>`; the pallet maps each
/// variant into its own `Error<T>` with `From`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MathError {
	/// An intermediate or final value does not fit its type.
	Overflow,
	/// A divisor was zero where no defined fallback exists.
	DivisionByZero,
	/// A pool reserve (TAO or alpha) is zero, so the pool has no price.
	EmptyPool,
	/// The swap would leave the output reserve below [`crate::pool::MIN_LIQ`].
	InsufficientLiquidity,
	/// A parameter lies outside its documented domain (the name says which one).
	InvalidParameter(&'static str),
}

impl core::fmt::Display for MathError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			MathError::Overflow => write!(f, "arithmetic overflow"),
			MathError::DivisionByZero => write!(f, "division by zero"),
			MathError::EmptyPool => write!(f, "pool reserve is zero"),
			MathError::InsufficientLiquidity => {
				write!(f, "swap would drain the pool below MIN_LIQ")
			},
			MathError::InvalidParameter(name) => write!(f, "parameter `{name}` out of range"),
		}
	}
}
