/**
 * The imaginary ballpark the generator sells in: its revenue centers, menus and prices.
 */

export const VENUE = {
  org: 'cubs',
  venueUuid: 'e13b6c22-fdcf-4446-ba25-c240bc9bc40b',
  timeZone: 'America/Chicago',
} as const;

export type RevenueCenterKind = 'stand' | 'suite' | 'mobile';

export interface RevenueCenter {
  readonly name: string;
  readonly externalRefId: string;
  readonly uuid: string;
  readonly kind: RevenueCenterKind;
  readonly serviceType: string;
  readonly menuName: string;
  readonly menuExternalRefId: string;
}

export interface MenuItem {
  readonly name: string;
  readonly sku: string;
  readonly priceCents: number;
}

export const REVENUE_CENTERS: readonly RevenueCenter[] = [
  stand('Sheffield Grill', 'a1d7f0e2-3c1b-4a57-9e0f-1b2c3d4e5f60'),
  stand('Clark Street Dogs', 'b2e8a1f3-4d2c-4b68-8f10-2c3d4e5f6a71'),
  stand('Bleacher Bar', 'c3f9b2a4-5e3d-4c79-9a21-3d4e5f6a7b82'),
  {
    name: 'Suite 101',
    externalRefId: 'external-suite-101',
    uuid: 'c30550a3-4f87-4a7d-8fd9-22afc2bdbbdb',
    kind: 'suite',
    serviceType: 'POS',
    menuName: 'Day of Event',
    menuExternalRefId: 'external-day-of-event',
  },
  {
    name: 'Suite 214',
    externalRefId: 'external-suite-214',
    uuid: 'd4a0c3b5-6f4e-4d8a-8b32-4e5f6a7b8c93',
    kind: 'suite',
    serviceType: 'POS',
    menuName: 'Day of Event',
    menuExternalRefId: 'external-day-of-event',
  },
  {
    name: 'Mobile Ordering',
    externalRefId: 'external-mobile',
    uuid: 'e5b1d4c6-7a5f-4e9b-9c43-5f6a7b8c9da4',
    kind: 'mobile',
    serviceType: 'Pickup',
    menuName: 'Mobile Menu',
    menuExternalRefId: 'external-mobile-menu',
  },
];

function stand(name: string, uuid: string): RevenueCenter {
  const ref = name.toLowerCase().replace(/\s+/g, '-');
  return {
    name,
    externalRefId: `external-${ref}`,
    uuid,
    kind: 'stand',
    serviceType: 'POS',
    menuName: 'Concessions',
    menuExternalRefId: 'external-concessions',
  };
}

export const MENU: readonly MenuItem[] = [
  { name: 'Hot Dog', sku: '1001', priceCents: 650 },
  { name: 'Polish Sausage', sku: '1002', priceCents: 900 },
  { name: 'Nachos', sku: '1003', priceCents: 875 },
  { name: 'Soft Pretzel', sku: '1004', priceCents: 700 },
  { name: 'Domestic Draft', sku: '2001', priceCents: 1100 },
  { name: 'Craft Can', sku: '2002', priceCents: 1350 },
  { name: 'Bottled Water', sku: '2003', priceCents: 500 },
  { name: 'Sausage Sampler', sku: '5001', priceCents: 1000 },
];

/** Suites add this line, a share of the food and drink, as in the document's sample. */
export const SERVICE_CHARGE = { name: 'Service Charge', sku: '8374626', rate: 0.2 } as const;

/** The imaginary venue's sales tax rate, applied after discounts. */
export const TAX_RATE = 0.1175;
