// Placeholder until the epoch benchmark lands.
fn main() {}
