// Open311 GeoReport v2 shapes (http://wiki.open311.org/GeoReport_v2/): field names as the specification spells
// them (snake_case), JSON only. Errors are the specification's array of { code, description }, not problem+json.
import { z } from 'zod';

export const Open311Errors = z.array(z.object({ code: z.number(), description: z.string() }));
export const Jurisdiction = z.object({ jurisdiction_id: z.string().max(100).optional() });

export const Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});
export const ServicesAnswer = z.array(Service);

export const ServiceDefinition = z.object({
  service_code: z.string(),
  attributes: z.array(
    z.object({
      variable: z.boolean(),
      code: z.string(),
      datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
      required: z.boolean(),
      datatype_description: z.string().nullable(),
      order: z.number(),
      description: z.string(),
      values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
    }),
  ),
});

const num = z.coerce.number();
export const PostRequestBody = z.object({
  jurisdiction_id: z.string().max(100).optional(),
  service_code: z.string().min(1).max(50),
  lat: num.min(-90).max(90).optional(),
  long: num.min(-180).max(180).optional(),
  address_string: z.string().trim().min(2).max(500).optional(),
  address_id: z.string().trim().max(10).optional(),
  email: z.email().max(200).optional(),
  device_id: z.string().max(200).optional(),
  account_id: z.string().max(200).optional(),
  first_name: z.string().trim().max(100).optional(),
  last_name: z.string().trim().max(100).optional(),
  phone: z.string().trim().max(30).optional(),
  description: z.string().trim().max(4000).optional(),
  media_url: z.string().max(2000).optional(),
  api_key: z.string().max(200).optional(),
});

export const PostRequestAnswer = z.array(
  z.object({
    service_request_id: z.string(),
    service_notice: z.string(),
    account_id: z.string().nullable(),
  }),
);

export const RequestsQuery = Jurisdiction.extend({
  service_request_id: z.string().max(2000).optional(),
  service_code: z.string().max(50).optional(),
  start_date: z.iso.datetime({ offset: true }).optional(),
  end_date: z.iso.datetime({ offset: true }).optional(),
  status: z
    .string()
    .regex(/^(open|closed)(,(open|closed))*$/, 'open, closed')
    .optional(),
});

export const ServiceRequest = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string(),
  service_notice: z.string(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string(),
  address: z.string(),
  address_id: z.string(),
  zipcode: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});
export const RequestsAnswer = z.array(ServiceRequest);
export const TokenAnswer = z.array(z.object({ service_request_id: z.string(), token: z.string() }));
