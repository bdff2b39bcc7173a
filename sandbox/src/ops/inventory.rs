//! The sandbox's fake cloud: EC2 instances in three regions, Azure VMs, GCP instances and
//! monitoring alerts. Seeded so that the numbers match the seed's examples (5 instances in
//! us-east-1, 15 EC2 instances in all, 8 Azure VMs, alerts 2 critical / 5 warning / 120 ok).

use serde_json::{Value, json};

/// Regions that hold EC2 instances, in listing order.
pub(crate) const REGIONS: [&str; 3] = ["us-east-1", "us-west-2", "eu-west-1"];

#[derive(Clone, Debug)]
pub(crate) struct Ec2Instance {
    pub instance_id: String,
    pub name: String,
    pub instance_type: String,
    pub state: String,
    pub region: String,
    pub private_ip: String,
    pub launch_time: String,
}

impl Ec2Instance {
    pub fn to_json(&self) -> Value {
        json!({
            "instance_id": self.instance_id,
            "name": self.name,
            "type": self.instance_type,
            "state": self.state,
            "region": self.region,
            "private_ip": self.private_ip,
            "launch_time": self.launch_time,
        })
    }
}

#[derive(Clone, Debug)]
pub(crate) struct AzureVm {
    pub vm_id: String,
    pub name: String,
    pub resource_group: String,
    pub location: String,
    pub size: String,
    pub power_state: String,
}

impl AzureVm {
    pub fn to_json(&self) -> Value {
        json!({
            "vm_id": self.vm_id,
            "name": self.name,
            "resource_group": self.resource_group,
            "location": self.location,
            "size": self.size,
            "power_state": self.power_state,
        })
    }
}

#[derive(Clone, Debug)]
pub(crate) struct GcpInstance {
    pub id: String,
    pub name: String,
    pub zone: String,
    pub machine_type: String,
    pub status: String,
    pub internal_ip: String,
}

impl GcpInstance {
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "name": self.name,
            "zone": self.zone,
            "machine_type": self.machine_type,
            "status": self.status,
            "internal_ip": self.internal_ip,
        })
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Alert {
    pub alert_id: String,
    pub severity: String,
    pub resource: String,
    pub message: String,
    pub triggered_at: String,
}

impl Alert {
    pub fn to_json(&self) -> Value {
        json!({
            "alert_id": self.alert_id,
            "severity": self.severity,
            "resource": self.resource,
            "message": self.message,
            "triggered_at": self.triggered_at,
        })
    }
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Inventory {
    pub ec2: Vec<Ec2Instance>,
    pub azure: Vec<AzureVm>,
    pub gcp: Vec<GcpInstance>,
    pub alerts: Vec<Alert>,
}

impl Inventory {
    pub fn seeded() -> Self {
        // (region, name, type, state)
        let ec2_seed: [(&str, &str, &str, &str); 15] = [
            ("us-east-1", "web-1", "t3.micro", "running"),
            ("us-east-1", "web-2", "t3.micro", "running"),
            ("us-east-1", "api-1", "t3.medium", "running"),
            ("us-east-1", "worker-1", "c5.large", "stopped"),
            ("us-east-1", "bastion", "t3.nano", "running"),
            ("us-west-2", "web-3", "t3.small", "running"),
            ("us-west-2", "web-4", "t3.small", "running"),
            ("us-west-2", "batch-1", "c5.xlarge", "stopped"),
            ("us-west-2", "batch-2", "c5.xlarge", "stopped"),
            ("us-west-2", "cache-1", "r5.large", "running"),
            ("us-west-2", "ml-train-1", "p3.2xlarge", "stopped"),
            ("eu-west-1", "web-eu-1", "t3.micro", "running"),
            ("eu-west-1", "api-eu-1", "t3.medium", "running"),
            ("eu-west-1", "db-proxy-eu", "m5.large", "running"),
            ("eu-west-1", "reports-eu", "t3.large", "stopped"),
        ];
        let ec2 = ec2_seed
            .iter()
            .enumerate()
            .map(|(i, (region, name, ty, state))| {
                let subnet = REGIONS.iter().position(|r| r == region).unwrap_or(0) + 1;
                Ec2Instance {
                    instance_id: format!("i-0abc{:013x}", 0x1234_5678_9a00_u64 + i as u64),
                    name: (*name).to_owned(),
                    instance_type: (*ty).to_owned(),
                    state: (*state).to_owned(),
                    region: (*region).to_owned(),
                    private_ip: format!("10.{subnet}.1.{}", 10 + i),
                    launch_time: format!("2024-01-{:02}T08:{:02}:00Z", 2 + i, (i * 7) % 60),
                }
            })
            .collect();

        // (name, resource_group, location, size, power_state)
        let azure_seed: [(&str, &str, &str, &str, &str); 8] = [
            (
                "vm-prod-web-01",
                "rg-prod",
                "eastus",
                "Standard_B2s",
                "running",
            ),
            (
                "vm-prod-web-02",
                "rg-prod",
                "eastus",
                "Standard_B2s",
                "running",
            ),
            (
                "vm-prod-api-01",
                "rg-prod",
                "eastus",
                "Standard_D2s_v3",
                "running",
            ),
            (
                "vm-prod-sql-01",
                "rg-prod",
                "eastus",
                "Standard_E4s_v3",
                "running",
            ),
            (
                "vm-dev-01",
                "rg-dev",
                "westeurope",
                "Standard_B1s",
                "deallocated",
            ),
            (
                "vm-dev-02",
                "rg-dev",
                "westeurope",
                "Standard_B1s",
                "running",
            ),
            (
                "vm-data-etl-01",
                "rg-data",
                "westus2",
                "Standard_F4s_v2",
                "running",
            ),
            (
                "vm-data-etl-02",
                "rg-data",
                "westus2",
                "Standard_F4s_v2",
                "deallocated",
            ),
        ];
        let azure = azure_seed
            .iter()
            .map(|(name, rg, loc, size, power)| AzureVm {
                vm_id: format!(
                    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachines/{name}"
                ),
                name: (*name).to_owned(),
                resource_group: (*rg).to_owned(),
                location: (*loc).to_owned(),
                size: (*size).to_owned(),
                power_state: (*power).to_owned(),
            })
            .collect();

        // (name, zone, machine_type, status)
        let gcp_seed: [(&str, &str, &str, &str); 3] = [
            ("gke-node-1", "us-central1-a", "e2-standard-4", "RUNNING"),
            ("gke-node-2", "us-central1-a", "e2-standard-4", "RUNNING"),
            (
                "analytics-1",
                "europe-west1-b",
                "n2-standard-8",
                "TERMINATED",
            ),
        ];
        let gcp = gcp_seed
            .iter()
            .enumerate()
            .map(|(i, (name, zone, mt, status))| GcpInstance {
                id: format!("{}", 4_815_162_342_000_u64 + i as u64),
                name: (*name).to_owned(),
                zone: (*zone).to_owned(),
                machine_type: (*mt).to_owned(),
                status: (*status).to_owned(),
                internal_ip: format!("10.128.0.{}", 2 + i),
            })
            .collect();

        let mut alerts = Vec::new();
        let mut push = |severity: &str, resource: String, message: String| {
            let n = alerts.len() + 1;
            alerts.push(Alert {
                alert_id: format!("alt_{n:03}"),
                severity: severity.to_owned(),
                resource,
                message,
                triggered_at: format!("2024-01-15T{:02}:{:02}:00Z", 6 + n % 5, n % 60),
            });
        };
        let id = |i: usize| format!("i-0abc{:013x}", 0x1234_5678_9a00_u64 + i as u64);
        push(
            "critical",
            id(2),
            "CPU al 98% durante más de 15 minutos en api-1".to_owned(),
        );
        push(
            "critical",
            "vm-prod-sql-01".to_owned(),
            "Disco de datos al 95% de capacidad".to_owned(),
        );
        let warnings = [
            (id(0), "Uso de memoria al 85% en web-1"),
            (id(1), "Latencia p95 de 900 ms en web-2"),
            (id(9), "Tasa de evicción de caché elevada en cache-1"),
            (
                "vm-prod-web-01".to_owned(),
                "Certificado TLS expira en 14 días",
            ),
            (id(12), "Errores 5xx por encima del 1% en api-eu-1"),
        ];
        for (resource, message) in warnings {
            push("warning", resource, message.to_owned());
        }
        let checks = [
            "CPU",
            "Memoria",
            "Disco",
            "Red",
            "Health check",
            "Backups",
            "Certificados",
            "Latencia",
        ];
        for i in 0..120 {
            let resource = match i % 3 {
                0 => id(i % 15),
                1 => format!("vm-{}", i % 8),
                _ => format!("svc-{}", i % 10),
            };
            push(
                "ok",
                resource,
                format!("{} dentro de los umbrales", checks[i % checks.len()]),
            );
        }

        Self {
            ec2,
            azure,
            gcp,
            alerts,
        }
    }

    pub fn alert_counts(&self) -> (usize, usize, usize) {
        let count = |s: &str| self.alerts.iter().filter(|a| a.severity == s).count();
        (count("critical"), count("warning"), count("ok"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_matches_the_examples() {
        let inv = Inventory::seeded();
        assert_eq!(inv.ec2.len(), 15);
        assert_eq!(
            inv.ec2.iter().filter(|i| i.region == "us-east-1").count(),
            5
        );
        assert_eq!(inv.azure.len(), 8);
        assert_eq!(inv.alert_counts(), (2, 5, 120));
        let mut ids: Vec<_> = inv.ec2.iter().map(|i| i.instance_id.clone()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 15);
        assert!(ids.iter().all(|i| i.starts_with("i-0abc") && i.len() == 19));
    }
}
