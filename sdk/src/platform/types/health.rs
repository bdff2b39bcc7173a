//! `/api/health`: the health profile, medications and appointments, and their closed sets.

use serde::{Deserialize, Serialize};

string_enum! {
    /// The kind of a medical appointment.
    pub enum AppointmentType {
        /// `CHECKUP`.
        Checkup = "CHECKUP",
        /// `SPECIALIST`.
        Specialist = "SPECIALIST",
        /// `LAB`.
        Lab = "LAB",
        /// `EMERGENCY`.
        Emergency = "EMERGENCY",
        /// `FOLLOW_UP`.
        FollowUp = "FOLLOW_UP",
        /// `OTHER`.
        Other = "OTHER",
    }
}

string_enum! {
    /// The severity of an allergy.
    pub enum Severity {
        /// `LOW`.
        Low = "LOW",
        /// `MEDIUM`.
        Medium = "MEDIUM",
        /// `HIGH`.
        High = "HIGH",
        /// `CRITICAL`.
        Critical = "CRITICAL",
    }
}

/// `GET /api/health/profile` and the answer of `PATCH /api/health/profile`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct HealthProfile {
    /// `hlth_...`.
    pub id: String,
    /// The owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// `O+`, `AB-`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blood_type: Option<String>,
    /// Height in centimetres.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<f64>,
    /// Weight in kilograms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// Known allergies.
    #[serde(default)]
    pub allergies: Vec<Allergy>,
    /// Diagnosed conditions.
    #[serde(default)]
    pub conditions: Vec<Condition>,
    /// When it last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
}

/// An allergy of a [`HealthProfile`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Allergy {
    /// `alg_...`.
    pub id: String,
    /// What the user is allergic to.
    pub name: String,
    /// How severe.
    pub severity: Severity,
}

/// A condition of a [`HealthProfile`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Condition {
    /// `cond_...`.
    pub id: String,
    /// The condition.
    pub name: String,
    /// When it was diagnosed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diagnosed_at: Option<String>,
}

/// Body of `PATCH /api/health/profile`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct UpdateHealthProfileParams {
    /// The blood type, e.g. `O+` or `AB-`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("enum" = ["A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-"])))]
    pub blood_type: Option<String>,
    /// Height in centimetres.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("exclusiveMinimum" = 0)))]
    pub height: Option<f64>,
    /// Weight in kilograms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("exclusiveMinimum" = 0)))]
    pub weight: Option<f64>,
}

impl UpdateHealthProfileParams {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }
}

setters!(UpdateHealthProfileParams {
    into blood_type: String,
    plain height: f64,
    plain weight: f64,
});

/// A medication: an item of `GET /api/health/medications` or the answer of
/// `POST /api/health/medications`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Medication {
    /// `med_...`.
    pub id: String,
    /// Name.
    pub name: String,
    /// `500mg`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dosage: Option<String>,
    /// `Cada 8 horas`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<String>,
    /// When the user started taking it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// Whether the user still takes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
    /// Percentage of doses taken (`92.5`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adherence_rate: Option<f64>,
    /// How to take it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    /// When it was added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
}

/// `GET /api/health/medications`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct MedicationList {
    /// The medications.
    #[serde(default)]
    pub medications: Vec<Medication>,
}

/// Body of `POST /api/health/medications`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct CreateMedicationParams {
    /// The medication's name.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub name: String,
    /// The dose, e.g. `500mg`.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub dosage: String,
    /// How often, e.g. `every 8 hours` or `Cada 8 horas`.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), extend("pattern" = crate::enums::NON_BLANK)))]
    pub frequency: String,
    /// The first day the user takes it (`YYYY-MM-DD`, or a date-time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("anyOf" = [{"format": "date"}, {"format": "date-time"}])))]
    pub start_date: Option<String>,
    /// How to take it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
}

impl CreateMedicationParams {
    /// A medication with its dosage and frequency.
    pub fn new(
        name: impl Into<String>,
        dosage: impl Into<String>,
        frequency: impl Into<String>,
    ) -> Self {
        CreateMedicationParams {
            name: name.into(),
            dosage: dosage.into(),
            frequency: frequency.into(),
            ..Self::default()
        }
    }
}

setters!(CreateMedicationParams {
    into start_date: String,
    into instructions: String,
});

/// An item of `GET /api/health/appointments`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Appointment {
    /// `apt_...`.
    pub id: String,
    /// Title.
    pub title: String,
    /// Wire name `type`.
    #[serde(rename = "type")]
    pub kind: AppointmentType,
    /// When.
    pub datetime: String,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// `GET /api/health/appointments`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AppointmentList {
    /// The appointments.
    #[serde(default)]
    pub appointments: Vec<Appointment>,
}

/// Query of `GET /api/health/appointments`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ListAppointmentsParams {
    /// Only future appointments (the service's default is `true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upcoming: Option<bool>,
    /// Only appointments on or after this day (`YYYY-MM-DD`, or a date-time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("anyOf" = [{"format": "date"}, {"format": "date-time"}])))]
    pub from: Option<String>,
    /// Only appointments on or before this day (`YYYY-MM-DD`, or a date-time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(extend("anyOf" = [{"format": "date"}, {"format": "date-time"}])))]
    pub to: Option<String>,
}

impl ListAppointmentsParams {
    /// The server's defaults.
    pub fn new() -> Self {
        Self::default()
    }
}

setters!(ListAppointmentsParams {
    plain upcoming: bool,
    into from: String,
    into to: String,
});
