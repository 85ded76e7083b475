// Uniqueness of ids: one constraint over every domain node (Entity), and one per entity label
// so that label-specific look-ups plan as index seeks. Idempotent (IF NOT EXISTS).
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organised_crime_group_id IF NOT EXISTS FOR (n:OrganisedCrimeGroup) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT region_id IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT police_force_id IF NOT EXISTS FOR (n:PoliceForce) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT town_id IF NOT EXISTS FOR (n:Town) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT address_id IF NOT EXISTS FOR (n:Address) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT route_id IF NOT EXISTS FOR (n:Route) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT operation_id IF NOT EXISTS FOR (n:Operation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT business_id IF NOT EXISTS FOR (n:Business) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT phone_id IF NOT EXISTS FOR (n:Phone) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT vehicle_id IF NOT EXISTS FOR (n:Vehicle) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT bank_account_id IF NOT EXISTS FOR (n:BankAccount) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT travel_document_id IF NOT EXISTS FOR (n:TravelDocument) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT email_address_id IF NOT EXISTS FOR (n:EmailAddress) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT online_handle_id IF NOT EXISTS FOR (n:OnlineHandle) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT exploitation_id IF NOT EXISTS FOR (n:Exploitation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT nrmreferral_id IF NOT EXISTS FOR (n:NRMReferral) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agency_id IF NOT EXISTS FOR (n:Agency) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT intelligence_report_id IF NOT EXISTS FOR (n:IntelligenceReport) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT exploitation_type_id IF NOT EXISTS FOR (n:ExploitationType) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT control_method_id IF NOT EXISTS FOR (n:ControlMethod) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT recruitment_method_id IF NOT EXISTS FOR (n:RecruitmentMethod) REQUIRE n.id IS UNIQUE;
