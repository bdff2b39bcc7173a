//! `/api/finance`: the finance profile, accounts, transactions and budgets, and their closed sets.

use serde::{Deserialize, Serialize};

use super::common::CursorPagination;
use crate::money::Money;

string_enum! {
    /// The kind of a financial account.
    pub enum AccountType {
        /// `SAVINGS`.
        Savings = "SAVINGS",
        /// `CHECKING`.
        Checking = "CHECKING",
        /// `CREDIT_CARD`.
        CreditCard = "CREDIT_CARD",
        /// `INVESTMENT`.
        Investment = "INVESTMENT",
        /// `LOAN`.
        Loan = "LOAN",
        /// `CASH`.
        Cash = "CASH",
    }
}

string_enum! {
    /// The direction of a transaction.
    pub enum TransactionType {
        /// `INCOME`.
        Income = "INCOME",
        /// `EXPENSE`.
        Expense = "EXPENSE",
        /// `TRANSFER`.
        Transfer = "TRANSFER",
    }
}

string_enum! {
    /// The category of a transaction or a budget.
    pub enum TransactionCategory {
        /// `FOOD`.
        Food = "FOOD",
        /// `TRANSPORT`.
        Transport = "TRANSPORT",
        /// `INCOME`.
        Income = "INCOME",
        /// `HOUSING`.
        Housing = "HOUSING",
        /// `UTILITIES`.
        Utilities = "UTILITIES",
        /// `HEALTH`.
        Health = "HEALTH",
        /// `ENTERTAINMENT`.
        Entertainment = "ENTERTAINMENT",
        /// `SHOPPING`.
        Shopping = "SHOPPING",
        /// `EDUCATION`.
        Education = "EDUCATION",
        /// `OTHER`.
        Other = "OTHER",
    }
}

string_enum! {
    /// How a budget is doing.
    pub enum BudgetStatus {
        /// `ON_TRACK`.
        OnTrack = "ON_TRACK",
        /// `WARNING`.
        Warning = "WARNING",
        /// `EXCEEDED`.
        Exceeded = "EXCEEDED",
    }
}

string_enum! {
    /// The period a budget covers.
    pub enum BudgetPeriod {
        /// `WEEKLY`.
        Weekly = "WEEKLY",
        /// `MONTHLY`.
        Monthly = "MONTHLY",
        /// `YEARLY`.
        Yearly = "YEARLY",
    }
}

/// `GET /api/finance/profile`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FinanceProfile {
    /// `fin_...`.
    pub id: String,
    /// The owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// ISO currency code (`MXN`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Monthly income.
    pub monthly_income: Money,
    /// Sum of assets.
    pub total_assets: Money,
    /// Sum of liabilities.
    pub total_liabilities: Money,
    /// Assets minus liabilities.
    pub net_worth: Money,
}

/// An item of `GET /api/finance/accounts`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Account {
    /// `acc_...`.
    pub id: String,
    /// Name.
    pub name: String,
    /// Wire name `type`.
    #[serde(rename = "type")]
    pub kind: AccountType,
    /// Balance (negative for debt).
    pub balance: Money,
    /// ISO currency code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Bank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
    /// Credit limit (credit cards).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_limit: Option<Money>,
}

/// `GET /api/finance/accounts`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AccountList {
    /// The accounts.
    #[serde(default)]
    pub accounts: Vec<Account>,
}

/// A transaction: an item of `GET /api/finance/transactions` or the answer of
/// `POST /api/finance/transactions`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Transaction {
    /// `txn_...`.
    pub id: String,
    /// The account.
    pub account_id: String,
    /// Amount (negative for an expense).
    pub amount: Money,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<TransactionCategory>,
    /// When it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Wire name `type`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<TransactionType>,
    /// When it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
}

/// `summary` of a [`TransactionList`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct TransactionSummary {
    /// Sum of income.
    pub total_income: Money,
    /// Sum of expenses (positive).
    pub total_expenses: Money,
    /// Income minus expenses.
    pub net_flow: Money,
}

/// `GET /api/finance/transactions`: one page plus the summary of the whole filter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct TransactionList {
    /// The transactions of this page.
    #[serde(default)]
    pub transactions: Vec<Transaction>,
    /// Totals.
    pub summary: TransactionSummary,
    /// The cursor of the next page.
    #[serde(default)]
    pub pagination: CursorPagination,
}

/// Query of `GET /api/finance/transactions`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ListTransactionsParams {
    /// Only transactions of this account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    /// Only transactions on or after this day (`YYYY-MM-DD`, e.g. `2025-10-01`, or a
    /// date-time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("anyOf" = [{"format": "date"}, {"format": "date-time"}])))]
    pub from: Option<String>,
    /// Only transactions on or before this day (`YYYY-MM-DD`, or a date-time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("anyOf" = [{"format": "date"}, {"format": "date-time"}])))]
    pub to: Option<String>,
    /// Only transactions of this category (e.g. `FOOD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<TransactionCategory>,
    /// Start after this cursor (a page's `pagination.nextCursor`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Transactions per page (at most 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 100)))]
    pub limit: Option<u32>,
}

impl ListTransactionsParams {
    /// No filter.
    pub fn new() -> Self {
        Self::default()
    }
}

setters!(ListTransactionsParams {
    into account_id: String,
    into from: String,
    into to: String,
    into category: TransactionCategory,
    into cursor: String,
    plain limit: u32,
});

/// Body of `POST /api/finance/transactions`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CreateTransactionParams {
    /// The account it belongs to.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub account_id: String,
    /// The amount, sent exactly as given (negative for an expense).
    #[cfg_attr(feature = "schema", schemars(extend("multipleOf" = 0.01, "minimum" = -1_000_000_000, "maximum" = 1_000_000_000, "not" = {"const": 0})))]
    pub amount: Money,
    /// What it was.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub description: String,
    /// Its category (e.g. `TRANSPORT`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<TransactionCategory>,
    /// The day it happened (`YYYY-MM-DD`, or a date-time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("anyOf" = [{"format": "date"}, {"format": "date-time"}])))]
    pub date: Option<String>,
    /// `INCOME` or `EXPENSE` (wire name `type`).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<TransactionType>,
}

impl CreateTransactionParams {
    /// A transaction of `amount` on `account_id`.
    pub fn new(
        account_id: impl Into<String>,
        amount: impl Into<Money>,
        description: impl Into<String>,
    ) -> Self {
        CreateTransactionParams {
            account_id: account_id.into(),
            amount: amount.into(),
            description: description.into(),
            ..Self::default()
        }
    }
}

setters!(CreateTransactionParams {
    into category: TransactionCategory,
    into date: String,
    into kind: TransactionType,
});

/// An item of `GET /api/finance/budgets`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Budget {
    /// `bdg_...`.
    pub id: String,
    /// Name.
    pub name: String,
    /// The category it limits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<TransactionCategory>,
    /// The budgeted amount.
    pub amount: Money,
    /// Spent so far.
    pub spent: Money,
    /// Amount minus spent.
    pub remaining: Money,
    /// Spent as a percentage of the amount (`71.26`).
    pub percentage: f64,
    /// How it is doing.
    pub status: BudgetStatus,
    /// The period it covers.
    pub period: BudgetPeriod,
    /// Start of the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// End of the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
}

/// `GET /api/finance/budgets`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct BudgetList {
    /// The budgets.
    #[serde(default)]
    pub budgets: Vec<Budget>,
}
