mod genesis;
mod issuance;
