-- Money across currencies (budget tracking): the cycle's reporting currency and Secretariat
-- envelope, and dated exchange rates kept by the Secretariat.
ALTER TABLE cycles ADD COLUMN reporting_currency VARCHAR NOT NULL DEFAULT 'EUR';
ALTER TABLE cycles ADD COLUMN envelope DECIMAL(14, 2) NOT NULL DEFAULT 0;

CREATE TABLE exchange_rates (
    currency VARCHAR NOT NULL,
    valid_from DATE NOT NULL,
    rate DECIMAL(18, 8) NOT NULL,  -- one unit of `currency` in the reporting currency
    recorded_by VARCHAR NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (currency, valid_from)
);
